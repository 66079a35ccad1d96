-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- The Community Committee a service reports its performance to (seed 004,
-- recommendation 1), apart from its service area. Stored as a stable key
-- ('inner-east', …); 'none' is a city-wide service or one not yet assigned.

ALTER TABLE service ADD COLUMN community_committee TEXT NOT NULL DEFAULT 'none';
