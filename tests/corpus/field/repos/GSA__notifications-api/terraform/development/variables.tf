variable "cf_password" {
  sensitive = true
}
variable "cf_user" {}
variable "username" {}
variable "source_ip" {
  type    = string
  default = "0.0.0.0/0"
}
