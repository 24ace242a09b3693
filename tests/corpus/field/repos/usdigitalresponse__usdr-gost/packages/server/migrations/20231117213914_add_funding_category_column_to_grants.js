/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.up = function (knex) {
    return knex.schema.table('grants', (table) => {
        table.text('funding_activity_category_codes');
    });
};

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.down = function (knex) {
    return knex.schema.table('grants', (table) => {
        table.dropColumn('funding_activity_category_codes');
    });
};
