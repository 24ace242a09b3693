inputs = {
  account_id        = "729164266357"
  enable_efs        = false
  enable_waf        = true
  env               = "staging"
  billing_tag_key   = "CostCentre"
  billing_tag_value = "PlatformGCArticles"
}