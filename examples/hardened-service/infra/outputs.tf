output "api_url" {
  description = "DNS name of the API load balancer (CNAME target for api.<domain>)."
  value       = aws_lb.api.dns_name
}

output "ecs_cluster_name" {
  description = "ECS cluster the deploy workflow rolls releases out to."
  value       = aws_ecs_cluster.main.name
}

output "api_security_group_id" {
  description = "Security group for API tasks (the API_SECURITY_GROUP_ID repository variable)."
  value       = aws_security_group.api.id
}

output "db_endpoint" {
  description = "PostgreSQL endpoint."
  value       = aws_db_instance.main.address
}

output "db_backup_retention_days" {
  description = "Automated backup retention of the database."
  value       = aws_db_instance.main.backup_retention_period
}

output "alerts_topic_arn" {
  description = "SNS topic that CloudWatch alarms publish to."
  value       = aws_sns_topic.alerts.arn
}
