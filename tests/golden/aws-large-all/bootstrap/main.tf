# Run once by an administrator with their own credentials (see README.md).
# Creates the state bucket and the three roles GitHub Actions assumes through
# OIDC: a read-only plan role for pull requests, a read-only drift role for the
# scheduled drift check on the base branch, and an apply role for the protected
# environment. No long-lived key is created anywhere.

locals {
  state_bucket_arn = "arn:aws:s3:::${var.state_bucket}"

  # Every IAM role stage 20 creates must carry this boundary: the apply role
  # cannot create or change a role without it (see apply_identity below).
  workload_boundary_arn = "arn:aws:iam::${var.account_id}:policy/${var.name}-workload-boundary"
}

################################################################################
# State bucket: versioned, encrypted, private, TLS only. Locking uses S3
# conditional writes (use_lockfile), so there is no DynamoDB table.
################################################################################

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket

  # Every stage's state lives here: a destroy must be a deliberate code change.
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket = aws_s3_bucket.state.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "state_tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state_tls_only.json
}

################################################################################
# GitHub OIDC. An account holds one provider per URL: if it already has
# GitHub's, set create_github_oidc_provider = false and the roles trust that one.
################################################################################

module "github_oidc" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-oidc-provider"
  version = "6.5.0"

  create = var.create_github_oidc_provider

  tags = var.tags
}

# Fails the plan early, with a clear error, when no provider exists to reuse.
data "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 0 : 1

  url = "https://token.actions.githubusercontent.com"
}

################################################################################
# Plan role. Pull requests run code their author controls (the PR's own copy
# of plan.yml), so this role reads only what `terraform plan` of the stages
# planned on pull requests refreshes: their resources' metadata and their own
# state objects. Never the state of an apply-only stage, a secret store, the
# RKE2 join-token bucket, or a KMS decryption. Plans run with -lock=false, so
# it writes nothing, not even a lock object.
################################################################################

data "aws_iam_policy_document" "plan_read" {
  statement {
    sid = "RefreshResourceMetadata"
    actions = [
      "autoscaling:Describe*",
      "ec2:Describe*",
      "ec2:GetEbsDefaultKmsKeyId",
      "ec2:GetEbsEncryptionByDefault",
      "ec2:GetLaunchTemplateData",
      "ec2:GetManagedPrefixListEntries",
      "eks:Describe*",
      "eks:List*",
      "elasticloadbalancing:Describe*",
      "iam:Get*",
      "iam:List*",
      "kms:DescribeKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListAliases",
      "kms:ListKeys",
      "kms:ListResourceTags",
      "logs:DescribeLogGroups",
      "logs:ListTagsForResource",
      "logs:ListTagsLogGroup",
      "route53:Get*",
      "route53:List*",
      "s3:ListAllMyBuckets",
    ]
    resources = ["*"]
  }

  # Bucket configuration (policy, encryption, versioning, ...) of this
  # platform's buckets; no object in them.
  statement {
    sid = "RefreshBucketConfiguration"
    actions = [
      "s3:GetAccelerateConfiguration",
      "s3:GetBucket*",
      "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration",
      "s3:ListBucket",
    ]
    resources = ["arn:aws:s3:::${var.name}-*"]
  }

  # The state objects of the stages pull requests plan, one by one.
  statement {
    sid     = "ReadPlannedState"
    actions = ["s3:GetObject"]
    resources = [
      "${local.state_bucket_arn}/stacks/10-network.tfstate",
      "${local.state_bucket_arn}/stacks/20-cluster.tfstate",
    ]
  }

  # EKS node groups look up their AMI release in AWS's public parameters.
  statement {
    sid       = "ReadPublicParameters"
    actions   = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = ["arn:aws:ssm:${var.region}::parameter/aws/service/*"]
  }

  # Apply-only stages keep secrets (SSO client secrets, generated passwords) in state.
  statement {
    sid     = "DenyApplyOnlyState"
    effect  = "Deny"
    actions = ["s3:GetObject*"]
    resources = [
      "${local.state_bucket_arn}/stacks/25-prerequisites.tfstate",
      "${local.state_bucket_arn}/stacks/40-config.tfstate",
    ]
  }

  # rke2-aws-tf keeps the cluster join token and the admin kubeconfig in <cluster>-rke2.
  statement {
    sid       = "DenyClusterTokenBucket"
    effect    = "Deny"
    actions   = ["s3:GetObject*"]
    resources = ["arn:aws:s3:::${var.name}-*-rke2/*"]
  }

  # No object anywhere but the planned state, whatever else grants it.
  statement {
    sid     = "DenyObjectsOutsidePlannedState"
    effect  = "Deny"
    actions = ["s3:GetObject*"]
    not_resources = [
      "${local.state_bucket_arn}/stacks/10-network.tfstate",
      "${local.state_bucket_arn}/stacks/20-cluster.tfstate",
    ]
  }

  statement {
    sid       = "DenySecretValues"
    effect    = "Deny"
    actions   = ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"]
    resources = ["*"]
  }

  # The account's own parameters may be SecureStrings; AWS's public ones are not.
  statement {
    sid       = "DenyAccountParameters"
    effect    = "Deny"
    actions   = ["ssm:GetParameter*"]
    resources = ["arn:aws:ssm:*:${var.account_id}:parameter/*"]
  }

  # Reading state through S3 decrypts with the bucket's key on the role's
  # behalf; no other decryption (SecureStrings, secrets, Vault's unseal key).
  statement {
    sid       = "DenyDecryptOutsideS3"
    effect    = "Deny"
    actions   = ["kms:Decrypt"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "plan_read" {
  name        = "${var.name}-github-plan-read"
  description = "GitHub Actions plan and drift roles: refresh the stages planned on pull requests, nothing else"
  policy      = data.aws_iam_policy_document.plan_read.json
  tags        = var.tags
}

module "plan_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-github-plan"
  use_name_prefix    = false
  description        = "GitHub Actions: terraform plan on pull requests"
  enable_github_oidc = true
  oidc_subjects      = var.plan_subjects

  policies = {
    read = aws_iam_policy.plan_read.arn
  }

  tags = var.tags

  depends_on = [module.github_oidc, data.aws_iam_openid_connect_provider.github]
}

################################################################################
# Drift role. drift.yml plans on a schedule, unattended, so it cannot wait for
# the environment's reviewers; it runs bound to no environment and this role
# trusts only that job's subject on the base branch (never a pull request, never
# the environment). AWS matches no claim but "sub" and "aud" (GitHub's custom
# claims are not available in IAM), so any workflow merged to the base branch
# can assume it: it gets exactly the plan role's read policy, the stages pull
# requests plan already, and no apply-only state. Drift plans with -lock=false.
# The scheduled health.yml assumes it too; on EKS stage 20 gives it a view-only
# access entry (no Secrets), on RKE2 nothing (the kubeconfig bucket denies it).
################################################################################

module "drift_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-github-drift"
  use_name_prefix    = false
  description        = "GitHub Actions: scheduled drift check (terraform plan) on the base branch"
  enable_github_oidc = true
  oidc_subjects      = var.drift_subjects

  policies = {
    read = aws_iam_policy.plan_read.arn
  }

  tags = var.tags

  depends_on = [module.github_oidc, data.aws_iam_openid_connect_provider.github]
}

################################################################################
# Apply role: no account administrator. It manages this platform's resources
# (named "${var.name}-*" where AWS allows names in ARNs, this region
# otherwise), and may create IAM roles only under the workload boundary, so no
# role it creates can do more than the platform's workloads need.
################################################################################

data "aws_iam_policy_document" "apply_infrastructure" {
  statement {
    sid = "RegionalInfrastructure"
    actions = [
      "autoscaling:*",
      "ec2:*",
      "elasticloadbalancing:*",
      "kms:*",
      "logs:*",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [var.region]
    }
  }

  statement {
    sid     = "Cluster"
    actions = ["eks:*"]
    resources = [
      "arn:aws:eks:${var.region}:${var.account_id}:cluster/${var.name}",
      "arn:aws:eks:${var.region}:${var.account_id}:*/${var.name}/*",
    ]
  }

  statement {
    sid       = "ClusterCatalog"
    actions   = ["eks:Describe*", "eks:List*"]
    resources = ["*"]
  }

  # Hosted zone IDs are not known before stage 10 creates the zone.
  statement {
    sid = "Dns"
    actions = [
      "route53:ChangeResourceRecordSets",
      "route53:ChangeTagsForResource",
      "route53:CreateHostedZone",
      "route53:DeleteHostedZone",
      "route53:Get*",
      "route53:List*",
      "route53:UpdateHostedZoneComment",
    ]
    resources = ["*"]
  }

  # State, Harbor registry and RKE2 statestore buckets are all "${var.name}-*".
  statement {
    sid       = "PlatformBuckets"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${var.name}-*", "arn:aws:s3:::${var.name}-*/*"]
  }

  statement {
    sid       = "KeepStateBucket"
    effect    = "Deny"
    actions   = ["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketVersioning"]
    resources = [local.state_bucket_arn]
  }

  statement {
    sid       = "ReadPublicParameters"
    actions   = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = ["arn:aws:ssm:${var.region}::parameter/aws/service/*"]
  }
}

data "aws_iam_policy_document" "apply_identity" {
  statement {
    sid       = "ReadIam"
    actions   = ["iam:Get*", "iam:List*"]
    resources = ["*"]
  }

  # iam:PermissionsBoundary holds for these actions only if the role carries
  # the workload boundary: a role without it can be neither created nor given
  # a policy.
  statement {
    sid = "RolesUnderBoundary"
    actions = [
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy",
    ]
    resources = ["arn:aws:iam::${var.account_id}:role/${var.name}-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [local.workload_boundary_arn]
    }
  }

  statement {
    sid = "ManageRoles"
    actions = [
      "iam:DeleteRole",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
    ]
    resources = ["arn:aws:iam::${var.account_id}:role/${var.name}-*"]
  }

  statement {
    sid = "InstanceProfiles"
    actions = [
      "iam:AddRoleToInstanceProfile",
      "iam:CreateInstanceProfile",
      "iam:DeleteInstanceProfile",
      "iam:RemoveRoleFromInstanceProfile",
      "iam:TagInstanceProfile",
      "iam:UntagInstanceProfile",
    ]
    resources = ["arn:aws:iam::${var.account_id}:instance-profile/${var.name}-*"]
  }

  statement {
    sid = "Policies"
    actions = [
      "iam:CreatePolicy",
      "iam:CreatePolicyVersion",
      "iam:DeletePolicy",
      "iam:DeletePolicyVersion",
      "iam:SetDefaultPolicyVersion",
      "iam:TagPolicy",
      "iam:UntagPolicy",
    ]
    resources = ["arn:aws:iam::${var.account_id}:policy/${var.name}-*"]
  }

  statement {
    sid       = "PassPlatformRoles"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${var.account_id}:role/${var.name}-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com", "eks.amazonaws.com", "pods.eks.amazonaws.com"]
    }
  }

  # The cluster's IRSA identity provider.
  statement {
    sid = "ClusterOidcProvider"
    actions = [
      "iam:AddClientIDToOpenIDConnectProvider",
      "iam:CreateOpenIDConnectProvider",
      "iam:DeleteOpenIDConnectProvider",
      "iam:RemoveClientIDFromOpenIDConnectProvider",
      "iam:TagOpenIDConnectProvider",
      "iam:UntagOpenIDConnectProvider",
      "iam:UpdateOpenIDConnectProviderThumbprint",
    ]
    resources = ["arn:aws:iam::${var.account_id}:oidc-provider/oidc.eks.${var.region}.amazonaws.com/id/*"]
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["autoscaling.amazonaws.com", "eks-nodegroup.amazonaws.com", "eks.amazonaws.com", "elasticloadbalancing.amazonaws.com", "spot.amazonaws.com"]
    }
  }

  # The pipeline's own roles and policies, and the boundary, match
  # "${var.name}-*" too: the apply role must not widen itself.
  statement {
    sid    = "ProtectPipelineIdentities"
    effect = "Deny"
    actions = [
      "iam:Add*",
      "iam:Attach*",
      "iam:Create*",
      "iam:Delete*",
      "iam:Detach*",
      "iam:PassRole",
      "iam:Put*",
      "iam:Remove*",
      "iam:SetDefaultPolicyVersion",
      "iam:Tag*",
      "iam:Untag*",
      "iam:Update*",
    ]
    resources = [
      "arn:aws:iam::${var.account_id}:role/${var.name}-github-*",
      "arn:aws:iam::${var.account_id}:policy/${var.name}-github-*",
      local.workload_boundary_arn,
    ]
  }

  statement {
    sid       = "KeepBoundaries"
    effect    = "Deny"
    actions   = ["iam:DeleteRolePermissionsBoundary"]
    resources = ["*"]
  }
}

# The most any role stage 20 creates may do (cluster, nodes, add-ons and
# workloads): no IAM beyond service-linked roles, no secret stores, no state.
data "aws_iam_policy_document" "workload_boundary" {
  statement {
    sid = "PlatformWorkloads"
    actions = [
      "autoscaling:*",
      "cloudwatch:PutMetricData",
      "ec2:*",
      "ec2messages:*",
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:Describe*",
      "ecr:GetAuthorizationToken",
      "ecr:GetDownloadUrlForLayer",
      "ecr:List*",
      "eks-auth:AssumeRoleForPodIdentity",
      "eks:Describe*",
      "elasticloadbalancing:*",
      "iam:CreateServiceLinkedRole",
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ListGrants",
      "kms:ReEncrypt*",
      "kms:RevokeGrant",
      "logs:CreateLogGroup",
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
      "route53:ChangeResourceRecordSets",
      "route53:GetChange",
      "route53:ListHostedZones",
      "route53:ListHostedZonesByName",
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResource",
      "ssm:UpdateInstanceInformation",
      "ssmmessages:*",
      "sts:GetServiceBearerToken",
      "tag:GetResources",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "PlatformBuckets"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${var.name}-*", "arn:aws:s3:::${var.name}-*/*"]
  }

  statement {
    sid       = "NoState"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.state_bucket_arn, "${local.state_bucket_arn}/*"]
  }
}

resource "aws_iam_policy" "workload_boundary" {
  name        = "${var.name}-workload-boundary"
  description = "Permissions boundary of every IAM role the platform's stages create"
  policy      = data.aws_iam_policy_document.workload_boundary.json
  tags        = var.tags
}

resource "aws_iam_policy" "apply_infrastructure" {
  name        = "${var.name}-github-apply-infrastructure"
  description = "GitHub Actions apply role: this platform's network, cluster, DNS, keys and buckets"
  policy      = data.aws_iam_policy_document.apply_infrastructure.json
  tags        = var.tags
}

resource "aws_iam_policy" "apply_identity" {
  name        = "${var.name}-github-apply-identity"
  description = "GitHub Actions apply role: IAM for this platform's roles, only under the workload boundary"
  policy      = data.aws_iam_policy_document.apply_identity.json
  tags        = var.tags
}

# Only jobs bound to the protected GitHub environment can assume this role:
# the subject names the environment, and the environment only deploys the base branch.
module "apply_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name                 = "${var.name}-github-apply"
  use_name_prefix      = false
  description          = "GitHub Actions: terraform apply and helmfile sync from the protected environment"
  enable_github_oidc   = true
  oidc_subjects        = var.apply_subjects
  max_session_duration = 7200

  policies = {
    infrastructure = aws_iam_policy.apply_infrastructure.arn
    identity       = aws_iam_policy.apply_identity.arn
  }

  tags = var.tags

  # The boundary must exist before stage 20 names it.
  depends_on = [module.github_oidc, data.aws_iam_openid_connect_provider.github, aws_iam_policy.workload_boundary]
}
