"""Analyses of the knowledge base: embargo breaches, diversion risk, blocs over time and
actor dossiers; each a function of a store and a date. Reference data (arms embargoes,
EU and OSCE membership) ships beside the code."""
from .blocs import BlocChange, BlocReport, blocs
from .breaches import Breach, breaches
from .dossier import Dossier, dossier
from .embargoes import Embargo, embargoes_on, load_embargoes
from .risk import Reason, RiskReport, risk

__all__ = ["BlocChange", "BlocReport", "blocs", "Breach", "breaches", "Dossier", "dossier",
           "Embargo", "embargoes_on", "load_embargoes", "Reason", "RiskReport", "risk"]
