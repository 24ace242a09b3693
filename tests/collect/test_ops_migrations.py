"""Reversibility by each framework's own rules, one migration (or changeset) at a time."""
from __future__ import annotations

import pytest

from gate.collect.ops.reversibility import django, liquibase, rails


def _rails(body: str) -> str:
    return f"class X < ActiveRecord::Migration[7.1]\n  def change\n    {body}\n  end\nend\n"


@pytest.mark.parametrize("body, reversible", [
    ("add_column :orders, :x, :string", True),
    ("remove_column :orders, :legacy", False),                       # Rails cannot recreate it: no type
    ("remove_column :orders, :legacy, :string", True),
    ("remove_column :orders, :legacy, if_exists: true", False),
    ("remove_column :orders, :legacy, type: :string", True),
    ("drop_table :orders", False),
    ("drop_table :orders do |t|\n      t.string :x\n    end", True),
    ("change_column :orders, :number, :text", False),
    ("change_column_default :orders, :state, from: nil, to: 'new'", True),
    ("change_column_default :orders, :state, 'new'", False),
    ("change_column_null :orders, :state, false", True),
    ("remove_index :orders, :number", True),
    ("remove_index :orders, name: 'idx'", False),
    ("execute 'UPDATE orders SET x = 1'", False),
    ("reversible do |dir|\n      dir.up { execute 'UPDATE orders SET x = 1' }\n    end", True),
])
def test_rails_change(body, reversible):
    assert rails(_rails(body))[0][1] is reversible


def test_rails_up_and_down():
    assert rails("class X\n  def up\n    add_column :a, :b, :string\n  end\nend\n")[0][1] is False
    down = "class X\n  def up\n    x\n  end\n\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end\nend\n"
    assert rails(down) == [(6, False, "down raises IrreversibleMigration")]


@pytest.mark.parametrize("operation, reversible", [
    ("migrations.RunPython(forwards)", False),
    ("migrations.RunPython(code=forwards)", False),
    ("migrations.RunPython(forwards, backwards)", True),
    ("migrations.RunPython(forwards, reverse_code=migrations.RunPython.noop)", True),
    ("migrations.RunSQL('CREATE INDEX i ON t (c)')", False),
    ("migrations.RunSQL(sql='CREATE INDEX i ON t (c)', reverse_sql='DROP INDEX i')", True),
    ("migrations.AddField('order', 'total', models.IntegerField(default=0))", True),
])
def test_django_operations(operation, reversible):
    text = f"class Migration(migrations.Migration):\n    operations = [\n        {operation},\n    ]\n"
    assert django(text)[0][1] is reversible


def test_liquibase_counts_changesets_not_files():
    xml = ('<databaseChangeLog>\n<changeSet id="1" author="a">\n<createTable tableName="t"/>\n</changeSet>\n'
           '<changeSet id="2" author="a">\n<sql>DELETE FROM t</sql>\n</changeSet>\n</databaseChangeLog>\n')
    assert [(line, ok) for line, ok, _ in liquibase("c.xml", xml)] == [(2, True), (5, False)]
    assert liquibase("master.yaml", "databaseChangeLog:\n  - include:\n      file: a.yaml\n") == []
