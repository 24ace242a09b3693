variable "zone_name" {
  description = "Name for the hosted zone"
  type        = string
}
