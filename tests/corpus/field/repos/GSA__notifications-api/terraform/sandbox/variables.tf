variable "cf_password" {
  sensitive = true
}
variable "cf_user" {}
