"""Archives: many articles analysed on this machine or a Dask cluster, results as Parquet.

inputs.py and tables.py read what to analyse (files, folders, tables of articles); work.py is
what a worker does with a batch; engines.py sends batches to local processes or to Dask;
schema.py and store.py shape and write the Parquet dataset; run.py ties them together.
jsonl.py is the older `caveat analyze --jsonl`. report/ summarises a finished dataset.
"""
