data "terraform_remote_state" "network" {
  backend = "s3"

  config = {
    bucket = var.state_bucket
    key    = "stacks/10-network.tfstate"
    region = var.region
  }
}

locals {
  vpc_id          = data.terraform_remote_state.network.outputs.vpc_id
  private_subnets = data.terraform_remote_state.network.outputs.private_subnets
  zone_id         = data.terraform_remote_state.network.outputs.zone_id
}

################################################################################
# RKE2 (rancherfederal/rke2-aws-tf v2.5.1: the input is cluster_name, not name)
################################################################################

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

module "rke2" {
  source = "git::https://github.com/rancherfederal/rke2-aws-tf.git?ref=v2.5.1"

  cluster_name          = var.name
  vpc_id                = local.vpc_id
  subnets               = local.private_subnets
  ami                   = data.aws_ami.ubuntu.image_id
  servers               = var.rke2_servers
  instance_type         = var.rke2_server_instance_type
  rke2_channel          = "v${var.kubernetes_version}"
  controlplane_internal = true
  enable_ccm            = true

  block_device_mappings = {
    size      = "50"
    encrypted = "true"
  }

  tags = var.tags
}

module "agents" {
  source   = "git::https://github.com/rancherfederal/rke2-aws-tf.git//modules/agent-nodepool?ref=v2.5.1"
  for_each = var.node_pools

  name          = each.key
  vpc_id        = local.vpc_id
  subnets       = local.private_subnets
  ami           = data.aws_ami.ubuntu.image_id
  instance_type = each.value.instance_type
  rke2_channel  = "v${var.kubernetes_version}"
  enable_ccm    = true
  cluster_data  = module.rke2.cluster_data

  asg = {
    min                  = each.value.min
    max                  = each.value.max
    desired              = each.value.min
    suspended_processes  = []
    termination_policies = ["Default"]
  }

  block_device_mappings = {
    size      = tostring(each.value.disk_gib)
    encrypted = "true"
  }

  tags = var.tags
}

locals {
  node_role_name = values(module.agents)[0].iam_role
}

################################################################################
# Route 53 access for external-dns records and cert-manager DNS-01 challenges
################################################################################

data "aws_iam_policy_document" "dns" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"]
    resources = ["arn:aws:route53:::hostedzone/${local.zone_id}"]
  }

  statement {
    actions   = ["route53:GetChange"]
    resources = ["arn:aws:route53:::change/*"]
  }

  statement {
    actions   = ["route53:ListHostedZones", "route53:ListHostedZonesByName"]
    resources = ["*"]
  }
}

# RKE2 has no IRSA webhook: pods use the node role, which carries this policy.
resource "aws_iam_role_policy" "external_dns_role" {
  name   = "${var.name}-external-dns"
  role   = local.node_role_name
  policy = data.aws_iam_policy_document.dns.json
}

# RKE2 has no IRSA webhook: pods use the node role, which carries this policy.
resource "aws_iam_role_policy" "cert_manager_role" {
  name   = "${var.name}-cert-manager"
  role   = local.node_role_name
  policy = data.aws_iam_policy_document.dns.json
}
