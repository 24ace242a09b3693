variable "cloudfront_waf_geo_match_secret" {
  description = "Custom header value to check to determine if the geo match statement should allow a country outside of the allowed set."
  type        = string
  sensitive   = true
}

variable "cloudfront_waf_rate_secret" {
  description = "Custom header value to check to determine if the rate limit statement should allow a request to bypass the rate limit."
  type        = string
  sensitive   = true
}

variable "domain_name" {
  description = "Domain name for the load balancer, certificate and CloudFront"
  type        = string
}

variable "load_balancer_security_group_id" {
  description = "ID of the security group to attach to the load balancer"
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnet IDs to attach the load balancer to"
  type        = list(any)
}

variable "vpc_id" {
  description = "VPC ID for the load balancer"
  type        = string
}

variable "zone_id" {
  description = "Hosted zone ID for the DNS records"
  type        = string
}

variable "s3_bucket_regional_domain_name" {
  description = "Domain name for uploads storage bucket"
  type        = string
}

variable "s3_cloudfront_origin_access_identity_iam_arn" {
  description = "Iam arn for the origin access identity"
  type        = string
}

variable "s3_cloudfront_origin_access_identity_path" {
  description = "Path for the origin access identity"
  type        = string
}

variable "security_txt_content" {
  description = "The content of the /.well-known/security.txt response."
  type        = string
}
