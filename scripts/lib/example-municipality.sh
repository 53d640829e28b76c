# The made-up municipality the benchmark scripts run the portal for (outside Development the portal needs one: it is
# named in the privacy notice and the accessibility statement). Use with: env "${example_municipality[@]}" dotnet ...
# shellcheck disable=SC2034
example_municipality=(
  Municipality__Name="Eksempel Kommune"
  Municipality__Address="Rådhuspladsen 1, 9999 Eksempelby"
  Municipality__Phone="70 00 00 00"
  Municipality__Email=boernogunge@kommune.example
  Municipality__DataProtectionOfficerEmail=dpo@kommune.example
  Municipality__AccessibilityEmail=tilgaengelighed@kommune.example
  Municipality__AccessibilityReviewedOn=2026-11-30
)
