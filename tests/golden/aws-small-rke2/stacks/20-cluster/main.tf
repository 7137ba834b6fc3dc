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
  public_subnets  = data.terraform_remote_state.network.outputs.public_subnets
  zone_id         = data.terraform_remote_state.network.outputs.zone_id

  # Created by the bootstrap. The apply role can create IAM roles only with this
  # boundary (and only named "${var.name}-*"), so every role below carries it.
  permissions_boundary = "arn:aws:iam::${var.account_id}:policy/${var.name}-workload-boundary"
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

  cluster_name  = var.name
  vpc_id        = local.vpc_id
  subnets       = local.private_subnets
  ami           = data.aws_ami.ubuntu.image_id
  servers       = var.rke2_servers
  instance_type = var.rke2_server_instance_type
  rke2_channel  = "v${var.kubernetes_version}"
  # The API and node registration (9345) share one internal load balancer and
  # one allow-list: the VPC plus the runners' networks (plan: kubernetes.apiAccess).
  controlplane_internal      = true
  controlplane_allowed_cidrs = var.api_allowed_cidrs
  enable_ccm                 = true

  iam_permissions_boundary = local.permissions_boundary

  # RKE2's packaged ingress-nginx would bind hostPorts 80/443 on every node
  # beside the Envoy gateway (and ingress-nginx is retired upstream).
  rke2_config = yamlencode({ disable = ["rke2-ingress-nginx"] })

  block_device_mappings = {
    size      = tostring(var.rke2_server_disk_gib)
    type      = "gp3"
    encrypted = "true"
  }

  tags = var.tags
}

# The EBS CSI controller runs on the servers (stage 30 pins it there) and uses
# their role, next to the volume permissions the module's CCM policy already
# gives it. Agents get nothing: any pod on an agent can use the agent role
# (its IMDS hop limit is 2), so no workload permission is put there.
resource "aws_iam_role_policy_attachment" "server_ebs_csi" {
  role       = module.rke2.iam_role
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

# The AWS cloud controller finds subnets for load balancers by the cluster tag,
# and the cluster name carries a suffix only this stage knows, so the tags are
# written here rather than in stage 10.
resource "aws_ec2_tag" "cluster_subnets" {
  for_each = toset(concat(local.private_subnets, local.public_subnets))

  resource_id = each.value
  key         = "kubernetes.io/cluster/${module.rke2.cluster_name}"
  value       = "shared"
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

  iam_permissions_boundary = local.permissions_boundary

  asg = {
    min                  = each.value.min
    max                  = each.value.max
    desired              = each.value.min
    suspended_processes  = []
    termination_policies = ["Default"]
  }

  block_device_mappings = {
    size      = tostring(each.value.disk_gib)
    type      = "gp3"
    encrypted = "true"
  }

  tags = var.tags
}
