/* C-API functions that durable-rules' compiled extension still calls and that newer
 * Pythons no longer export. Loaded into the global symbol scope (RTLD_GLOBAL) before
 * the engine's extension, so the dynamic loader resolves those names here.
 *
 * Only compliance/backends/pycompat.py loads this, and only on an interpreter where a
 * name below does not already resolve: on 3.11 and 3.12 the engine calls
 * PyEval_CallObjectWithKeywords (PyEval_CallObject was a macro for it) and never
 * sees these definitions. docs/pycompat.md says why each one is here. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Removed in 3.13. Up to 3.12 the headers made this name a macro for
 * PyEval_CallObjectWithKeywords, so a build against those headers never asks for it. */
#ifdef PyEval_CallObject
#undef PyEval_CallObject
#endif

/* It called `callable` with the positional arguments in the tuple
 * `args` (or none for NULL), which is exactly what PyObject_CallObject does. */
PyAPI_FUNC(PyObject *) PyEval_CallObject(PyObject *callable, PyObject *args);

PyObject *
PyEval_CallObject(PyObject *callable, PyObject *args)
{
    return PyObject_CallObject(callable, args);
}

/* The names this library defines, for the loader and the symbol check to read. */
static const char *const provided[] = {"PyEval_CallObject", NULL};

static PyObject *
provided_names(void)
{
    PyObject *names = PyTuple_New(sizeof provided / sizeof provided[0] - 1);
    if (names == NULL)
        return NULL;
    for (Py_ssize_t i = 0; provided[i] != NULL; i++) {
        PyObject *name = PyUnicode_FromString(provided[i]);
        if (name == NULL) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, i, name);
    }
    return names;
}

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "compliance.backends._capi_shim",
    .m_doc = "C-API functions removed from newer Pythons that durable-rules still calls.",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__capi_shim(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    PyObject *names = provided_names();
    int failed = names == NULL || PyModule_AddObjectRef(m, "PROVIDED", names) < 0;
    Py_XDECREF(names);
    if (failed) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
