# Run once by an administrator with their own credentials (see README.md).
# Creates the state bucket and the two roles GitHub Actions assumes through
# OIDC: a read-only plan role for pull requests and an apply role for the
# protected environment. No long-lived key is created anywhere.

################################################################################
# State bucket: versioned, encrypted, private, TLS only. Locking uses S3
# conditional writes (use_lockfile), so there is no DynamoDB table.
################################################################################

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket
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
# GitHub OIDC
################################################################################

module "github_oidc" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-oidc-provider"
  version = "6.5.0"

  tags = var.tags
}

# Pull requests plan with this role. It can read, not change: plans run with
# -lock=false, so it needs no write access to the state bucket either.
module "plan_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name               = "${var.name}-github-plan"
  use_name_prefix    = false
  description        = "GitHub Actions: terraform plan on pull requests"
  enable_github_oidc = true
  oidc_subjects      = var.plan_subjects

  policies = {
    ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  }

  tags = var.tags

  depends_on = [module.github_oidc]
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
    AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"
  }

  tags = var.tags

  depends_on = [module.github_oidc]
}
