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
# EKS (terraform-aws-modules/eks v21: inputs lost their cluster_ prefix)
################################################################################

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.19.0"

  name               = var.name
  kubernetes_version = var.kubernetes_version

  iam_role_permissions_boundary = local.permissions_boundary

  vpc_id     = local.vpc_id
  subnet_ids = local.private_subnets

  # Public API endpoint, reachable from api_allowed_cidrs (any address: IAM
  # authenticates every call) (plan: kubernetes.apiAccess); nodes use the private endpoint inside the VPC.
  endpoint_public_access       = true
  endpoint_public_access_cidrs = var.api_allowed_cidrs
  endpoint_private_access      = true

  authentication_mode = "API"
  enable_irsa         = true

  # Explicit, so pull-request plans equal apply plans: left empty, the module
  # makes the caller a key administrator, and the caller differs (plan role
  # on pull requests, apply role on apply). Cluster access goes through the
  # access entries below only.
  kms_key_administrators                   = [var.apply_role_arn]
  enable_cluster_creator_admin_permissions = false

  # Access entries instead of aws-auth: the apply role administers the
  # cluster, the plan role may only read (helmfile diff on pull requests), and
  # so may the drift role (the scheduled health checks: nodes, pods, the
  # Gateway). AmazonEKSViewPolicy is Kubernetes' "view": no Secrets, no writes.
  access_entries = {
    apply = {
      principal_arn = var.apply_role_arn
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
    plan = {
      principal_arn = var.plan_role_arn
      policy_associations = {
        view = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
    drift = {
      principal_arn = var.drift_role_arn
      policy_associations = {
        view = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }

  addons = {
    coredns                = {}
    kube-proxy             = {}
    eks-pod-identity-agent = { before_compute = true }
    vpc-cni                = { before_compute = true }
    aws-ebs-csi-driver = {
      # IRSA, like every other workload role in this stack (one trust model to
      # review). Node credentials are out of reach: the module's launch template
      # sets the IMDS hop limit to 1. The StorageClass comes from stage 30.
      service_account_role_arn = module.ebs_csi_role.arn
    }
  }

  eks_managed_node_groups = {
    for name, pool in var.node_pools : name => {
      instance_types = [pool.instance_type]
      min_size       = pool.min
      max_size       = pool.max
      desired_size   = pool.min
      labels         = { "opsta.dev/pool" = name }

      # Named after the platform (the module's default is "<pool>-eks-node-group"),
      # so the apply role's "${var.name}-*" IAM scope covers it; bounded like every role.
      iam_role_name                 = "${var.name}-${name}-node"
      iam_role_use_name_prefix      = false
      iam_role_permissions_boundary = local.permissions_boundary

      # disk_size is ignored with the module's own launch template (its
      # default), so the root volume (AL2023: /dev/xvda) is sized here.
      block_device_mappings = {
        root = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size           = pool.disk_gib
            volume_type           = "gp3"
            encrypted             = true
            delete_on_termination = true
          }
        }
      }
    }
  }

  tags = var.tags
}

# The EBS CSI controller's own identity: the add-on annotates its service
# account (kube-system/ebs-csi-controller-sa) with this role.
module "ebs_csi_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-ebs-csi"
  use_name_prefix      = false
  permissions_boundary = local.permissions_boundary
  enable_oidc          = true
  oidc_provider_urls   = [module.eks.oidc_provider]
  oidc_audiences       = ["sts.amazonaws.com"]
  oidc_subjects        = ["system:serviceaccount:kube-system:ebs-csi-controller-sa"]

  policies = {
    ebs_csi = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
  }

  tags = var.tags
}

################################################################################
# Vault auto-unseal key: Vault starts sealed and unseals itself with this key,
# so no unseal key share ever exists outside KMS.
################################################################################

module "vault_kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Vault auto-unseal for ${var.name}"
  aliases                 = ["${var.name}/vault-unseal"]
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = var.tags
}

data "aws_iam_policy_document" "vault_unseal" {
  statement {
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
    resources = [module.vault_kms.key_arn]
  }
}

################################################################################
# Harbor registry storage
################################################################################

resource "aws_s3_bucket" "registry" {
  bucket = var.registry_bucket

  # Every pushed image lives here: a destroy must be a deliberate code change.
  lifecycle {
    prevent_destroy = true
  }
}

# An overwritten or deleted blob stays recoverable.
resource "aws_s3_bucket_versioning" "registry" {
  bucket = aws_s3_bucket.registry.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "registry" {
  bucket = aws_s3_bucket.registry.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "registry" {
  bucket = aws_s3_bucket.registry.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# Versioned, so an image layer deleted by mistake (or by a compromised client)
# stays recoverable for 30 days; Harbor's garbage collection still frees space
# once the noncurrent versions expire.
resource "aws_s3_bucket_versioning" "registry" {
  bucket = aws_s3_bucket.registry.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "registry" {
  bucket = aws_s3_bucket.registry.id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.registry]
}

data "aws_iam_policy_document" "registry" {
  statement {
    actions   = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [aws_s3_bucket.registry.arn]
  }

  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.registry.arn}/*"]
  }
}

################################################################################
# Route 53: each DNS workload may change only the record types it needs, and
# only in the platform zone.
################################################################################

locals {
  dns_zone_arn = "arn:aws:route53:::hostedzone/${local.zone_id}"
}

# external-dns: the platform's A/AAAA/CNAME records and their TXT ownership records.
data "aws_iam_policy_document" "external_dns" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = [local.dns_zone_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsRecordTypes"
      values   = ["A", "AAAA", "CNAME", "TXT"]
    }
  }

  statement {
    actions   = ["route53:ListResourceRecordSets"]
    resources = [local.dns_zone_arn]
  }

  statement {
    actions   = ["route53:ListHostedZones", "route53:ListHostedZonesByName"]
    resources = ["*"]
  }
}

# cert-manager DNS-01: only TXT records named _acme-challenge.*.
data "aws_iam_policy_document" "cert_manager_dns" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = [local.dns_zone_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsRecordTypes"
      values   = ["TXT"]
    }

    condition {
      test     = "ForAllValues:StringLike"
      variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
      values   = ["_acme-challenge.*"]
    }
  }

  statement {
    actions   = ["route53:ListResourceRecordSets"]
    resources = [local.dns_zone_arn]
  }

  statement {
    actions   = ["route53:GetChange"]
    resources = ["arn:aws:route53:::change/*"]
  }

  statement {
    actions   = ["route53:ListHostedZonesByName"]
    resources = ["*"]
  }
}

module "external_dns_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-external-dns"
  use_name_prefix      = false
  permissions_boundary = local.permissions_boundary
  enable_oidc          = true
  oidc_provider_urls   = [module.eks.oidc_provider]
  # Only tokens minted for STS (the EKS webhook's audience), and only for this one service account.
  oidc_audiences = ["sts.amazonaws.com"]
  oidc_subjects  = ["system:serviceaccount:external-dns:external-dns"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.external_dns.json]
  tags                           = var.tags
}

module "cert_manager_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-cert-manager"
  use_name_prefix      = false
  permissions_boundary = local.permissions_boundary
  enable_oidc          = true
  oidc_provider_urls   = [module.eks.oidc_provider]
  # Only tokens minted for STS (the EKS webhook's audience), and only for this one service account.
  oidc_audiences = ["sts.amazonaws.com"]
  oidc_subjects  = ["system:serviceaccount:cert-manager:cert-manager"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.cert_manager_dns.json]
  tags                           = var.tags
}

module "vault_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-vault"
  use_name_prefix      = false
  permissions_boundary = local.permissions_boundary
  enable_oidc          = true
  oidc_provider_urls   = [module.eks.oidc_provider]
  # Only tokens minted for STS (the EKS webhook's audience), and only for this one service account.
  oidc_audiences = ["sts.amazonaws.com"]
  oidc_subjects  = ["system:serviceaccount:vault:vault"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.vault_unseal.json]
  tags                           = var.tags
}

module "harbor_registry_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-harbor-registry"
  use_name_prefix      = false
  permissions_boundary = local.permissions_boundary
  enable_oidc          = true
  oidc_provider_urls   = [module.eks.oidc_provider]
  # Only tokens minted for STS (the EKS webhook's audience), and only for this one service account.
  oidc_audiences = ["sts.amazonaws.com"]
  oidc_subjects  = ["system:serviceaccount:harbor:harbor-registry"]

  create_inline_policy           = true
  source_inline_policy_documents = [data.aws_iam_policy_document.registry.json]
  tags                           = var.tags
}
