output "bucket_name" {
  value = aws_s3_bucket.media.id
}

output "bucket_arn" {
  value = aws_s3_bucket.media.arn
}

output "bucket_regional_domain_name" {
  value = aws_s3_bucket.media.bucket_regional_domain_name
}

output "workloads_role_arn" {
  description = "For the Helm value serviceAccount.annotations.eks.amazonaws.com/role-arn"
  value       = aws_iam_role.workloads.arn
}
