"""Builds a Deno notebook (.ipynb) from a list of ("md" | "ts", text) cells.

Usage from another script:  from notebook import write; write(path, cells)
"""
import json


def write(path, cells):
    nb = {
        "cells": [],
        "metadata": {
            "kernelspec": {"display_name": "Deno", "language": "typescript", "name": "deno"},
            "language_info": {"name": "typescript", "file_extension": ".ts", "mimetype": "text/x.typescript"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, (kind, text) in enumerate(cells):
        lines = text.strip("\n").split("\n")
        source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
        cell = {"cell_type": "markdown" if kind == "md" else "code", "id": f"c{i:02d}", "metadata": {}, "source": source}
        if kind != "md":
            cell["execution_count"] = None
            cell["outputs"] = []
        nb["cells"].append(cell)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, ensure_ascii=False, indent=1)
        f.write("\n")
