class AddWelshCompletedToForms < ActiveRecord::Migration[8.0]
  def change
    add_column :forms, :welsh_completed, :boolean, default: false
  end
end
