data "azurerm_client_config" "client" {}

data "azurerm_subscription" "primary" {}