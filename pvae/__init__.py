__version__ = "0.0.1"

# The two entry points people reach for first, at the top level (`import pvae; pvae.load_pretrained('poisson')`).
# Everything else is imported from its module (`from pvae.models import build_model`); see the README.
from .pretrained import load_pretrained, pretrained_names, pretrained_info
from .original import load_original
