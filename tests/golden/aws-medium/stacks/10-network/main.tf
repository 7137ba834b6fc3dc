################################################################################
# VPC: private subnets for nodes, public subnets for load balancers and NAT
################################################################################

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"

  name = var.name
  cidr = var.vpc_cidr
  azs  = var.zones

  private_subnets = var.private_subnets
  public_subnets  = var.public_subnets

  enable_nat_gateway     = true
  single_nat_gateway     = var.single_nat_gateway
  one_nat_gateway_per_az = !var.single_nat_gateway
  enable_dns_hostnames   = true

  # Tags the AWS Load Balancer Controller and cloud controller use to pick subnets.
  public_subnet_tags = {
    "kubernetes.io/role/elb" = "1"
  }

  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = "1"
  }

  tags = var.tags
}

################################################################################
# DNS zone for every platform hostname
################################################################################

resource "aws_route53_zone" "platform" {
  count = var.dns_zone_mode == "create" ? 1 : 0

  name    = var.domain
  comment = "Managed by Opsta for ${var.name}"
}

data "aws_route53_zone" "existing" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  name         = var.domain
  private_zone = false
}

locals {
  zone_id = var.dns_zone_mode == "create" ? aws_route53_zone.platform[0].zone_id : data.aws_route53_zone.existing[0].zone_id
}
