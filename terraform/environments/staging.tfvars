environment        = "staging"
region             = "eu-central-1"
azs                = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
vpc_cidr           = "10.20.0.0/16"
domain             = "staging.delivery.example.com"
single_nat_gateway = true

eks_node_instance_types = ["m7i.large"]
eks_node_min            = 2
eks_node_max            = 6
eks_node_desired        = 3

rds_instance_class       = "db.t4g.large"
rds_multi_az             = false
redis_node_type          = "cache.t4g.medium"
redis_replicas           = 1
msk_broker_instance_type = "kafka.t3.small"
docdb_instance_class     = "db.t4g.medium"
docdb_instance_count     = 1
elasticsearch_nodes      = 1
elasticsearch_memory     = "2Gi"
deletion_protection      = false

web_origins = ["https://app.staging.delivery.example.com"]
