"""The coverage report: one static HTML page per warehouse showing, story by story,
which outlet reported which crime figure, whom each outlet quotes, and its articles."""
