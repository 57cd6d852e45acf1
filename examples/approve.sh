#!/bin/sh
# How an IX admin approves (or rejects) a request. decidedBy records who decided.
kubectl -n ztix patch joinrequest ix-as64501-aabbccdd01 --type=merge \
  -p '{"spec":{"approval":{"decision":"Approved","decidedBy":"'"$(kubectl auth whoami -o jsonpath='{.status.userInfo.username}')"'"}}}'

# Reject with a reason (required):
# kubectl -n ztix patch joinrequest ix-as64501-aabbccdd01 --type=merge \
#   -p '{"spec":{"approval":{"decision":"Rejected","reason":"ASN not found in PeeringDB","decidedBy":"alice"}}}'
