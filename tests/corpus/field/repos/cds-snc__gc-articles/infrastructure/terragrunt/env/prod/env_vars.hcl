inputs = {
  account_id        = "472286471787"
  enable_efs        = false
  enable_waf        = true
  env               = "production"
  billing_tag_key   = "CostCentre"
  billing_tag_value = "PlatformGCArticles"
}