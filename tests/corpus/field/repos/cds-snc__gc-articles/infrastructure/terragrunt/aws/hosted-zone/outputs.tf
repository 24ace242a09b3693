output "zone_id" {
  value = aws_route53_zone.wordpress.zone_id
}
