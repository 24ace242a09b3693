class AddFirstMadeLiveAtToForms < ActiveRecord::Migration[8.0]
  def change
    add_column :forms, :first_made_live_at, :datetime
  end
end
