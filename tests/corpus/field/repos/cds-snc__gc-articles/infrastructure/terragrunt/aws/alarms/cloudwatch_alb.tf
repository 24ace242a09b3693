#
# ALB: target group health and response times
# 
resource "aws_cloudwatch_metric_alarm" "alb_target_response_time_average" {
  alarm_name          = "ALBTargetGroupResponseTimeAverage"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "2"
  metric_name         = "TargetResponseTime"
  namespace           = "AWS/ApplicationELB"
  period              = "300"
  statistic           = "Average"
  threshold           = var.alb_target_response_time_average_maximum
  treat_missing_data  = "notBreaching"

  alarm_description = "Average response time (seconds) for the ALB target group to receive a response in two 5 minute periods"
  alarm_actions     = [aws_sns_topic.alert_warning.arn]
  ok_actions        = [aws_sns_topic.alert_warning.arn]

  dimensions = {
    "TargetGroup"  = var.alb_target_group_arn_suffix
    "LoadBalancer" = var.alb_arn_suffix
  }

  tags = var.core_tags
}

resource "aws_cloudwatch_metric_alarm" "alb_target_unhealthy_host" {
  alarm_name          = "ALBTargetUnhealthyHost"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "1"
  metric_name         = "UnHealthyHostCount"
  namespace           = "AWS/ApplicationELB"
  period              = "300"
  statistic           = "Maximum"
  threshold           = "0"
  treat_missing_data  = "notBreaching"

  alarm_description = "Unhealthy ALB target group hosts in a 5 minute period"
  alarm_actions     = [aws_sns_topic.alert_warning.arn]
  ok_actions        = [aws_sns_topic.alert_warning.arn]

  dimensions = {
    "TargetGroup"  = var.alb_target_group_arn_suffix
    "LoadBalancer" = var.alb_arn_suffix
  }

  tags = var.core_tags
}
