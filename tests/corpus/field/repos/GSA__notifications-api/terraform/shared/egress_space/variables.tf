variable "cf_org_name" {}
variable "cf_restricted_space_name" {}
variable "deployers" {
  type = set(string)
}
