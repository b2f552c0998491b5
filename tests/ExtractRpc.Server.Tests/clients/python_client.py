"""A Python client of ExtractRpc, generated from protos/ with grpc_tools: the proto is the client library.

Usage: python3 python_client.py GENERATED_DIR HOST:PORT
Prints one JSON line: the entities, dates and quotes, each with its text as Python slices it.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
from extractrpc.v1 import extractor_pb2, extractor_pb2_grpc  # noqa: E402

TEXT = "قالت المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، أمس إنّ موسكو سترد على العقوبات الأميركية."

with grpc.insecure_channel(sys.argv[2]) as channel:
    client = extractor_pb2_grpc.ExtractorStub(channel)
    request = extractor_pb2.ExtractRequest(text=TEXT)
    request.reference_time.FromJsonString("2022-05-04T12:00:00Z")
    response = client.Extract(request, timeout=30)
    out = {
        "entities": [{"id": e.entity_id, "text": e.text, "slice": TEXT[e.span.start:e.span.end]} for e in response.entities],
        "dates": [{"value": d.value, "text": d.text, "slice": TEXT[d.span.start:d.span.end]} for d in response.dates],
        "quotes": [{"speaker": q.speaker.entity_id, "text": q.text, "slice": TEXT[q.span.start:q.span.end]} for q in response.quotes],
    }
    print(json.dumps(out, ensure_ascii=False))
