# Backend blocks cannot reference variables, so the state location is written
# literally. Every value here comes from validated plan fields (name, account ID,
# region) through the HCL string encoder.
terraform {
  backend "s3" {
    bucket       = "globex-prod-tfstate-111122223333"
    key          = "stacks/40-config.tfstate"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}
