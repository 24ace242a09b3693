data "azurerm_resource_group" "group" {
  name = var.resource_group_name
}
