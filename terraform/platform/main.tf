locals {
  name      = "delivery-${var.environment}"
  namespace = "delivery-${var.environment}"
  tags = {
    Project     = "delivery-platform"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

module "vpc" {
  source = "../modules/vpc"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = var.azs
  single_nat_gateway = var.single_nat_gateway
  cluster_name       = local.name
  tags               = local.tags
}

module "eks" {
  source = "../modules/eks"

  name                 = local.name
  vpc_id               = module.vpc.vpc_id
  subnet_ids           = module.vpc.private_subnet_ids
  node_instance_types  = var.eks_node_instance_types
  node_min_size        = var.eks_node_min
  node_max_size        = var.eks_node_max
  node_desired_size    = var.eks_node_desired
  admin_principal_arns = var.eks_admin_principal_arns
  tags                 = local.tags
}

module "rds_postgres" {
  source = "../modules/rds-postgres"

  name                       = local.name
  instance_class             = var.rds_instance_class
  multi_az                   = var.rds_multi_az
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  deletion_protection        = var.deletion_protection
  tags                       = local.tags
}

resource "random_password" "redis_auth" {
  length  = 48
  special = false
}

module "elasticache_redis" {
  source = "../modules/elasticache-redis"

  name                       = local.name
  node_type                  = var.redis_node_type
  replicas                   = var.redis_replicas
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  auth_token                 = random_password.redis_auth.result
  tags                       = local.tags
}

module "msk" {
  source = "../modules/msk"

  name                       = local.name
  broker_instance_type       = var.msk_broker_instance_type
  broker_count               = length(var.azs)
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  tags                       = local.tags
}

module "docdb" {
  source = "../modules/docdb"

  name                       = local.name
  instance_class             = var.docdb_instance_class
  instance_count             = var.docdb_instance_count
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  deletion_protection        = var.deletion_protection
  tags                       = local.tags
}

module "elasticsearch" {
  source = "../modules/elasticsearch-eck"

  node_count = var.elasticsearch_nodes
  memory     = var.elasticsearch_memory

  depends_on = [module.eks]
}

module "s3" {
  source = "../modules/s3"

  name                 = local.name
  cors_allowed_origins = var.web_origins
  oidc_provider_arn    = module.eks.oidc_provider_arn
  oidc_issuer          = module.eks.oidc_issuer
  namespace            = local.namespace
  tags                 = local.tags
}

module "route53" {
  source = "../modules/route53"

  zone_name           = var.domain
  ingress_lb_dns_name = var.ingress_lb_dns_name
  ingress_lb_zone_id  = var.ingress_lb_zone_id
  tags                = local.tags
}

module "cloudfront" {
  source = "../modules/cloudfront"
  providers = {
    aws = aws.us_east_1
  }

  name                        = local.name
  domain_name                 = "cdn.${var.domain}"
  zone_id                     = module.route53.zone_id
  bucket_name                 = module.s3.bucket_name
  bucket_arn                  = module.s3.bucket_arn
  bucket_regional_domain_name = module.s3.bucket_regional_domain_name
  api_origin_domain           = var.ingress_lb_dns_name == "" ? "" : "api.${var.domain}"
  tags                        = local.tags
}

module "secrets_manager" {
  source = "../modules/secrets-manager"

  prefix             = "delivery/${var.environment}"
  redis_auth_token   = random_password.redis_auth.result
  elasticsearch_uris = module.elasticsearch.vendor_uris
  oidc_provider_arn  = module.eks.oidc_provider_arn
  oidc_issuer        = module.eks.oidc_issuer
  tags               = local.tags
}
