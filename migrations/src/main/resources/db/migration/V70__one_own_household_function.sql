-- Rathaus schema (issue 13, code health): one function for the citizen's own household. V58 made
-- rathaus_own_household and V66 (the change of address) made resident_own_household with the same
-- body; the portal reads the household through V58's function only (OwnHouseholdSql, used by the
-- built-in register adapter), so V66's copy goes. Released migrations stay as they are.

drop function resident_own_household(uuid);
