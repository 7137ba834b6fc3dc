# Backend blocks cannot reference variables, so the state location is written
# literally. Every value here comes from validated plan fields (name, account ID,
# region) through the HCL string encoder.
terraform {
  backend "s3" {
    bucket       = "acme-prod-tfstate-123456789012"
    key          = "stacks/40-config.tfstate"
    region       = "ap-northeast-2"
    encrypt      = true
    use_lockfile = true
  }
}
