environment        = "production"
vpc_id             = "vpc-0f9e8d7c6b5a40312"
public_subnet_ids  = ["subnet-0f1e2d3c4b5a69788", "subnet-0a9b8c7d6e5f40312"]
private_subnet_ids = ["subnet-0b2c3d4e5f6a71829", "subnet-0c3d4e5f6a7b8c9d0"]
certificate_arn    = "arn:aws:acm:us-east-1:444455556666:certificate/8d2e4f1a-production-example"
api_image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/careline-api:bootstrap"
web_origin         = "https://app.careline.example.com"

db_instance_class = "db.r6g.large"

dr_backup_vault_arn     = "arn:aws:backup:us-west-2:444455556666:backup-vault:careline-production-dr"
database_url_secret_arn = "arn:aws:secretsmanager:us-east-1:444455556666:secret:careline/production/database-url"
sentry_dsn_secret_arn   = "arn:aws:secretsmanager:us-east-1:444455556666:secret:careline/production/sentry-dsn"
# pagerduty_endpoint comes from TF_VAR_pagerduty_endpoint, never from a file.
