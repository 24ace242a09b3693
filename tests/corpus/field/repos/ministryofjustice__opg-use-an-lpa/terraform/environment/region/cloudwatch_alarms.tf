resource "aws_cloudwatch_metric_alarm" "viewer_5xx_errors" {
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  alarm_description   = "5XX Errors returned to viewer users for ${var.environment_name}"
  alarm_name          = "${var.environment_name} viewer 5XX errors"
  comparison_operator = "GreaterThanThreshold"
  datapoints_to_alarm = 2
  dimensions = {
    "LoadBalancer" = trimprefix(split(":", aws_lb.viewer.arn)[5], "loadbalancer/")
  }
  evaluation_periods        = 2
  insufficient_data_actions = []
  metric_name               = "HTTPCode_Target_5XX_Count"
  namespace                 = "AWS/ApplicationELB"
  ok_actions                = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  period                    = 60
  statistic                 = "Sum"
  tags                      = {}
  threshold                 = 2
  treat_missing_data        = "notBreaching"

  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "actor_5xx_errors" {
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  alarm_description   = "5XX Errors returned to actor users for ${var.environment_name}"
  alarm_name          = "${var.environment_name} actor 5XX errors"
  comparison_operator = "GreaterThanThreshold"
  datapoints_to_alarm = 2
  dimensions = {
    "LoadBalancer" = trimprefix(split(":", aws_lb.use.arn)[5], "loadbalancer/")
  }
  evaluation_periods        = 2
  insufficient_data_actions = []
  metric_name               = "HTTPCode_Target_5XX_Count"
  namespace                 = "AWS/ApplicationELB"
  ok_actions                = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  period                    = 60
  statistic                 = "Sum"
  tags                      = {}
  threshold                 = 2
  treat_missing_data        = "notBreaching"

  provider = aws.region
}

# 4XX anomaly alarms
resource "aws_cloudwatch_metric_alarm" "viewer_4xx_anomaly" {
  actions_enabled     = false
  alarm_description   = "Anomaly detection for 4XX Errors returned to viewer users in ${var.environment_name}"
  alarm_name          = "${var.environment_name} viewer 4XX anomaly"
  datapoints_to_alarm = 2
  evaluation_periods  = 2
  threshold_metric_id = "ad1"
  comparison_operator = "GreaterThanUpperThreshold"

  insufficient_data_actions = []
  treat_missing_data        = "notBreaching"

  alarm_actions = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  ok_actions    = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  metric_query {
    id          = "ad1"
    expression  = "ANOMALY_DETECTION_BAND(m1, 4)"
    label       = "4XX anomaly detection band"
    return_data = true
  }
  metric_query {
    id          = "m1"
    return_data = true
    metric {
      metric_name = "HTTPCode_Target_4XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
      dimensions = {
        "LoadBalancer" = trimprefix(split(":", aws_lb.viewer.arn)[5], "loadbalancer/")
      }
    }
  }
  provider = aws.region
}
resource "aws_cloudwatch_metric_alarm" "actor_4xx_anomaly" {
  actions_enabled     = false
  alarm_description   = "Anomaly detection for 4XX Errors returned to actor users in ${var.environment_name}"
  alarm_name          = "${var.environment_name} actor 4XX anomaly"
  datapoints_to_alarm = 2
  evaluation_periods  = 2
  threshold_metric_id = "ad1"
  comparison_operator = "GreaterThanUpperThreshold"

  insufficient_data_actions = []
  treat_missing_data        = "notBreaching"

  alarm_actions = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  ok_actions    = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  metric_query {
    id          = "ad1"
    expression  = "ANOMALY_DETECTION_BAND(m1, 4)"
    label       = "4XX anomaly detection band"
    return_data = true
  }
  metric_query {
    id          = "m1"
    return_data = true
    metric {
      metric_name = "HTTPCode_Target_4XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
      dimensions = {
        "LoadBalancer" = trimprefix(split(":", aws_lb.use.arn)[5], "loadbalancer/")
      }
    }
  }
  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "unexpected_data_lpa_api_resposnes" {
  actions_enabled     = true
  alarm_name          = "${var.environment_name}_unexpected_data_lpa_api_resposnes"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  alarm_description   = "increase in unexpected data lpa api resposnes"
  namespace           = "${var.environment_name}_events"
  metric_name         = "${var.environment_name}_unexpected_data_lpa_api_responses"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  period              = 180
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  statistic           = "Sum"
  threshold           = 5
  treat_missing_data  = "notBreaching"

  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "api_5xx_errors" {
  actions_enabled     = true
  alarm_name          = "${var.environment_name}_api_5xx_errors"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  metric_name         = aws_cloudwatch_log_metric_filter.api_5xx_errors.metric_transformation[0].name
  comparison_operator = "GreaterThanOrEqualToThreshold"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  statistic           = "Sum"
  threshold           = 5
  namespace           = aws_cloudwatch_log_metric_filter.api_5xx_errors.metric_transformation[0].namespace
  treat_missing_data  = "notBreaching"

  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "onelogin_reported_unavailable" {
  actions_enabled     = true
  alarm_name          = "${var.environment_name}_onelogin_reported_unavailable"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  alarm_description   = "Triggers when GOV.UK One Login logs that the service is unavailable"
  metric_name         = "auth_onelogin_not_available_event"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  statistic           = "Sum"
  threshold           = 1
  namespace           = aws_cloudwatch_log_metric_filter.log_event_code_metrics["event_code.AUTH_ONELOGIN_NOT_AVAILABLE"].metric_transformation[0].namespace
  treat_missing_data  = "notBreaching"

  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "actor_ddos_attack_external" {
  alarm_name          = "${var.environment_name}_ActorDDoSDetected"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "3"
  metric_name         = "DDoSDetected"
  namespace           = "AWS/DDoSProtection"
  period              = "60"
  statistic           = "Average"
  threshold           = "0"
  alarm_description   = "Triggers when AWS Shield Advanced detects a DDoS attack"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  dimensions = {
    ResourceArn = aws_lb.use.arn
  }

  provider = aws.region
}

resource "aws_cloudwatch_metric_alarm" "viewer_ddos_attack_external" {
  alarm_name          = "${var.environment_name}_ViewerDDoSDetected"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "3"
  metric_name         = "DDoSDetected"
  namespace           = "AWS/DDoSProtection"
  period              = "60"
  statistic           = "Average"
  threshold           = "0"
  alarm_description   = "Triggers when AWS Shield Advanced detects a DDoS attack"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  dimensions = {
    ResourceArn = aws_lb.viewer.arn
  }

  provider = aws.region
}


resource "aws_cloudwatch_metric_alarm" "admin_ddos_attack_external" {
  alarm_name          = "${var.environment_name}_AdminDDoSDetected"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "3"
  metric_name         = "DDoSDetected"
  namespace           = "AWS/DDoSProtection"
  period              = "60"
  statistic           = "Average"
  threshold           = "0"
  alarm_description   = "Triggers when AWS Shield Advanced detects a DDoS attack"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  dimensions = {
    ResourceArn = aws_lb.admin.arn
  }

  provider = aws.region
}

moved {
  from = aws_cloudwatch_metric_alarm.admin_ddos_attack_external[0]
  to   = aws_cloudwatch_metric_alarm.admin_ddos_attack_external
}

# ECS Task Monitoring Alarms - PDF Service
resource "aws_cloudwatch_metric_alarm" "pdf_high_task_cpu" {
  alarm_name          = "${var.environment_name}-pdf-high-task-cpu"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 3
  threshold           = 90
  alarm_description   = "A single ECS task for the pdf service is sustaining very high CPU utilisation"

  metric_query {
    id          = "max_cpu"
    return_data = true
    metric {
      metric_name = "CPUUtilization"
      namespace   = "AWS/ECS"
      period      = 60
      stat        = "Maximum"
      dimensions = {
        ServiceName = aws_ecs_service.pdf.name
        ClusterName = aws_ecs_cluster.use_an_lpa.name
      }
    }
  }

  alarm_actions             = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  insufficient_data_actions = []
  provider                  = aws.region
}

resource "aws_cloudwatch_metric_alarm" "pdf_high_task_memory" {
  alarm_name          = "${var.environment_name}-pdf-high-task-memory"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 3
  threshold           = 90
  alarm_description   = "A single ECS task for the pdf service is sustaining very high memory utilisation"

  metric_query {
    id          = "max_mem"
    return_data = true
    metric {
      metric_name = "MemoryUtilization"
      namespace   = "AWS/ECS"
      period      = 60
      stat        = "Maximum"
      dimensions = {
        ServiceName = aws_ecs_service.pdf.name
        ClusterName = aws_ecs_cluster.use_an_lpa.name
      }
    }
  }

  alarm_actions             = [aws_sns_topic.cloudwatch_to_pagerduty.arn]
  insufficient_data_actions = []
  provider                  = aws.region
}
