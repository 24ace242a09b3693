/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.up = function (knex) {
    return knex.schema.table('arpa_subrecipients', (table) => {
        table.timestamp('archived_at');
    });
};

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.down = function (knex) {
    return knex.schema.table('arpa_subrecipients', (table) => {
        table.dropColumn('archived_at');
    });
};
