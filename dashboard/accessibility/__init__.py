"""The accessibility statement (/toegankelijkheid) and the evaluation it is generated from."""
