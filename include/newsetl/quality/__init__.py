"""Great Expectations suites run on every load batch before it is committed."""
