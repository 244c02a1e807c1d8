#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Repricing one model of the bench database (see Repricing.cpp).
void measureRepricing(meterdesk::Database &db, QTextStream &out, BenchReport &report);
