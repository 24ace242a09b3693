pgsql_storage_mb = "131072"
pgsql_sku        = "GP_Standard_D4s_v3"
