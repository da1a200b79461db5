/** The metric a comparison decides on unless told: conversion, the store's headline KPI. */
export const DEFAULT_PRIMARY_METRIC = "conversionRate";
