environment        = "staging"
vpc_id             = "vpc-0a1b2c3d4e5f60718"
public_subnet_ids  = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
private_subnet_ids = ["subnet-0cc99dd00ee11ff22", "subnet-0a1233b4455c6677d"]
certificate_arn    = "arn:aws:acm:us-east-1:111122223333:certificate/6f1c3d2e-staging-example"
api_image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/careline-api:bootstrap"
web_origin         = "https://staging.careline.example.com"

db_instance_class = "db.t4g.small"

dr_backup_vault_arn     = "arn:aws:backup:us-west-2:111122223333:backup-vault:careline-staging-dr"
database_url_secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:careline/staging/database-url"
sentry_dsn_secret_arn   = "arn:aws:secretsmanager:us-east-1:111122223333:secret:careline/staging/sentry-dsn"
# pagerduty_endpoint comes from TF_VAR_pagerduty_endpoint, never from a file.
