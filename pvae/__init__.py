__version__ = "0.0.1"

# The two entry points people reach for first, at the top level (`import pvae; pvae.load_pretrained('poisson')`).
# They are imported on first use, so `import pvae` stays instant (no torch) for code that needs only a submodule.
# Everything else is imported from its module (`from pvae.models import build_model`); see the README.
_LAZY = {'load_pretrained': 'pretrained', 'pretrained_names': 'pretrained', 'pretrained_info': 'pretrained',
         'load_original': 'original'}

def __getattr__(name):
    if name not in _LAZY: raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    import importlib
    return getattr(importlib.import_module(f'.{_LAZY[name]}', __name__), name)

def __dir__(): return sorted([*globals(), *_LAZY])
