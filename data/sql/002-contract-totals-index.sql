-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Covering indexes for the totals a service and a provider show (their
-- contracts' annual value): the sums are read from the index alone.
DROP INDEX contract_service;
DROP INDEX contract_provider;
CREATE INDEX contract_service ON contract (service_id, annual_value);
CREATE INDEX contract_provider ON contract (provider_id, annual_value);
