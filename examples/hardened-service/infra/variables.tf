variable "environment" {
  description = "Deployment environment: staging or production."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "vpc_id" {
  description = "VPC the service runs in."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets for the load balancer."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Subnets for the API tasks and the database."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate for the API's domain."
  type        = string
}

variable "api_image" {
  description = "Initial API image; later releases are rolled out by the deploy workflow."
  type        = string
}

variable "web_origin" {
  description = "Origin of the web app, allowed by CORS."
  type        = string
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "dr_backup_vault_arn" {
  description = "AWS Backup vault in the DR region (us-west-2) that nightly database copies go to."
  type        = string
}

variable "database_url_secret_arn" {
  description = "Secrets Manager secret holding the API's DATABASE_URL."
  type        = string
}

variable "sentry_dsn_secret_arn" {
  description = "Secrets Manager secret holding the API's Sentry DSN."
  type        = string
}

variable "pagerduty_endpoint" {
  description = "PagerDuty CloudWatch integration URL for the on-call service."
  type        = string
  sensitive   = true
}
