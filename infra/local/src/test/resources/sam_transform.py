"""Expands template.yaml's SAM transform offline with AWS's own translator (samtranslator, which
cfn-lint ships with) and prints the resulting CloudFormation template as JSON. SamTransformTest
reads it. CodeUri points at local jars, which only `sam build` uploads, so it is replaced by a
placeholder S3 URI first; managed policy ARNs are given instead of asked from IAM."""
import json
import os
import sys

from cfnlint.decode import decode
from samtranslator.translator.transform import transform


class ManagedPolicies:
    def load(self):
        return {
            "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "AWSXrayWriteOnlyAccess": "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
            "AWSLambdaRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaRole",
        }


template, problems = decode(sys.argv[1])
if template is None:
    sys.exit("cannot read %s: %s" % (sys.argv[1], problems))
for name, resource in template["Resources"].items():
    if resource.get("Type") == "AWS::Serverless::Function":
        resource["Properties"]["CodeUri"] = "s3://placeholder/%s.jar" % name
# the translator asks boto for the Region; no credentials or network are used
os.environ["AWS_DEFAULT_REGION"] = "ap-northeast-1"
parameters = {"AWS::Region": "ap-northeast-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}
print(json.dumps(transform(template, parameters, ManagedPolicies()), default=str))
