#!/usr/bin/env python3
"""Writes the CEADs-shaped test workbooks in test/fixtures/ceads/ with openpyxl (a real spreadsheet
library other than the one the add-in reads with), from the CEADs data in data/ (citations in
data/README.md). Layouts as published (docs/inventories.md, "CEADs workbooks as downloaded"):

- provincial-2019.xlsx — "Emission_Inventories_for_30_Provinces_2019.xlsx": NOTE, then one sheet per
  province named <Province>2019 (CEADs' order, not alphabetical), 51 rows x 23 columns: A1
  Emission_Inventory, B1:W1 the fuel names (Raw_Coal … Process, Scope_1_Total), row 2 "unit" / "Mt CO2",
  row 3 empty, row 4 TotalEmissions, rows 5-51 the 47 sectors (row 17 is Textile Industry).
- provincial-2015.xlsx — the 2015 edition: A1 and A2 empty, fuel names with spaces (Raw Coal … Scope 1
  Total), the total row "Total Consumption", sector names with a trailing space.
- city.xlsx — "The Emission Inventories for 290 Chinese Cities from 1997 to 2019": NOTE (the unit only
  there: "million tones 百万吨"), "emission vector" (ID | city | year | emission) and "emission matrix"
  (city | "1995" | "1997" … "2019" as text, the 1995 column empty); city-libreoffice.xlsx is the same
  workbook re-saved by LibreOffice (soffice --headless --convert-to xlsx).

Values. Real: Hunan2019's sector scope-1 totals, process emissions and the TotalEmissions row
(data/ceads-hunan-2019-sectors.csv: Hunan 2019 = 310.64 Mt), and the city totals of 湖南长沙, 湖南株洲
and 湖南湘潭 (data/ceads-changzhutan-city-totals.csv), gaps as published. Synthetic (stated in each
NOTE sheet): the split of a sector's energy emissions over fuels (FUEL_SHARES), and the other 29
provinces, which are Hunan's sector profile scaled to a total — Beijing 89.18, Shanghai 192.9 and Hebei
914.2 Mt as the published 2019 file states them, the others an arbitrary 50–450 Mt. The 2015 edition
carries the same (2019) numbers in the 2015 layout.

Run: /usr/bin/python3 scripts/make-ceads-fixtures.py   (needs python3-openpyxl)
"""
import csv
import os
import random
import shutil
import subprocess
import tempfile

from openpyxl import Workbook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
OUT = os.path.join(ROOT, "test", "fixtures", "ceads")

PROVINCES = [
    "Beijing", "Tianjin", "Hebei", "Shanxi", "InnerMongolia", "Liaoning", "Jilin", "Heilongjiang", "Shanghai",
    "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong",
    "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu", "Qinghai", "Ningxia",
    "Xinjiang",
]
# Province totals (Mt) the published 2019 file states for its TotalEmissions row; the others are synthetic.
PUBLISHED_2019_TOTALS = {"Beijing": 89.18, "Shanghai": 192.9, "Hebei": 914.2}

FUELS_2019 = [
    "Raw_Coal", "CleanedCoal", "Other_Washed_Coal", "Briquettes", "Coke", "Coke_Oven_Gas", "Other_Gas",
    "Other_Coking_Products", "Crude_Oil", "Gasoline", "Kerosene", "Diesel_Oil", "Fuel_Oil", "LPG", "Refinery_Gas",
    "Other_Petroleum_Products", "Natural_Gas", "Scope_2_Heat", "Scope_2_Electricity", "Other_Energy", "Process",
    "Scope_1_Total",
]
FUELS_2015 = [
    "Raw Coal", "Cleaned Coal", "Other Washed Coal", "Briquettes", "Coke", "Coke Oven Gas", "Other Gas",
    "Other Coking Products", "Crude Oil", "Gasoline", "Kerosene", "Diesel Oil", "Fuel Oil", "LPG", "Refinery Gas",
    "Other Petroleum Products", "Natural Gas", "Scope 2 Heat", "Scope 2 Electricity", "Other Energy", "Process",
    "Scope 1 Total",
]
# Synthetic split of a sector's energy (non-process) scope-1 emissions over fuel columns (index: share).
FUEL_SHARES = {0: 0.5, 4: 0.1, 9: 0.1, 11: 0.15, 16: 0.15}
PROCESS_COL = 20
TOTAL_COL = 21


def hunan_sectors():
    """[(sector, scope1, process)] for the TotalEmissions row and the 47 sectors, as in the CSV."""
    with open(os.path.join(DATA, "ceads-hunan-2019-sectors.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r["sector"], float(r["scope1_total_mt"]), float(r["process_mt"])) for r in rows]


def sector_row(scope1, process, scale):
    """The 22 values of one sector row: fuels by FUEL_SHARES, scope 2 zero, Process, Scope_1_Total."""
    energy = (scope1 - process) * scale
    row = [0.0] * 22
    for col, share in FUEL_SHARES.items():
        row[col] = energy * share
    row[PROCESS_COL] = process * scale
    row[TOTAL_COL] = scope1 * scale
    return row


def province_sheet(ws, edition, scale):
    data = hunan_sectors()
    total, sectors = data[0], data[1:]
    fuels = FUELS_2019 if edition == 2019 else FUELS_2015
    ws.append(["Emission_Inventory" if edition == 2019 else None, *fuels])
    ws.append(["unit" if edition == 2019 else None, *(["Mt CO2"] * len(fuels))])
    ws.append([])
    rows = [sector_row(s1, pr, scale) for (_, s1, pr) in sectors]
    totals = [sum(r[c] for r in rows) for c in range(22)]
    totals[TOTAL_COL] = total[1] * scale  # the file's own province total
    ws.append(["TotalEmissions" if edition == 2019 else "Total Consumption", *totals])
    for (name, _, _), values in zip(sectors, rows):
        ws.append([name if edition == 2019 else name + " ", *values])


def note_sheet(wb, lines):
    ws = wb.active
    ws.title = "NOTE"
    for line in lines:
        ws.append(line)


def provincial(edition):
    wb = Workbook()
    note_sheet(wb, [
        ["Emission Inventories for 30 Provinces", f"{edition} (IPCC sectoral approach) — layout of the CEADs download"],
        ["Source", "CEADs, ceads.net: Shan et al. (2020) Scientific Data 7, 54; Guan et al. (2021) Earth's Future 9(11)"],
        ["Test fixture", "Hunan's sector totals and process emissions are CEADs 2019 values; the fuel split and the other provinces are synthetic (Hunan's profile scaled)"],
    ])
    hunan_total = hunan_sectors()[0][1]
    rnd = random.Random(2019)
    for p in PROVINCES:
        target = PUBLISHED_2019_TOTALS.get(p) if p != "Hunan" else hunan_total
        if target is None:
            target = round(rnd.uniform(50, 450), 2)
        province_sheet(wb.create_sheet(f"{p}{edition}"), edition, target / hunan_total)
    wb.save(os.path.join(OUT, f"provincial-{edition}.xlsx"))


def city():
    with open(os.path.join(DATA, "ceads-changzhutan-city-totals.csv"), encoding="utf-8") as f:
        rows = [(r["city"], int(r["year"]), float(r["emissions_mt"])) for r in csv.DictReader(f)]
    wb = Workbook()
    note_sheet(wb, [
        ["Introduction/简介", "The Emission Inventories for 290 Chinese Cities from 1997 to 2019 (test fixture: 3 cities)"],
        ["Unit/单位", "million tones 百万吨"],
        ["Citation/引用", "Shan et al. (2022) Science Bulletin 67(18) 1910-1920; Shan et al. (2019) Scientific Data 6, 27"],
    ])
    vec = wb.create_sheet("emission vector")
    vec.append(["ID", "city", "year", "emission"])
    by_city = {}
    for c, y, v in rows:
        by_city.setdefault(c, []).append((y, v))
    for c in ["湖南长沙", "湖南株洲", "湖南湘潭"]:
        years = by_city[c]
        # Grouped by city, not always in year order (as published): the last two years swapped.
        years = years[:-2] + [years[-1], years[-2]]
        for y, v in years:
            vec.append([f"{c}{y}", c, y, v])
    mat = wb.create_sheet("emission matrix")
    header_years = [1995] + list(range(1997, 2020))
    mat.append(["city", *[str(y) for y in header_years]])
    for c in ["湖南长沙", "湖南株洲", "湖南湘潭"]:
        values = dict(by_city[c])
        mat.append([c, *[values.get(y) for y in header_years]])
    wb.save(os.path.join(OUT, "city.xlsx"))


def libreoffice_copy(name, copy):
    """Re-saves a fixture with LibreOffice (soffice --headless), when installed: the same workbook as LibreOffice writes it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: skipped", copy)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", tmp, os.path.join(OUT, name)], check=True, capture_output=True, timeout=300)
        shutil.move(os.path.join(tmp, name), os.path.join(OUT, copy))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    provincial(2019)
    provincial(2015)
    city()
    libreoffice_copy("city.xlsx", "city-libreoffice.xlsx")
    print("wrote", ", ".join(sorted(os.listdir(OUT))))
