"""The quiz: multiple-choice questions on the facts, solo, in a channel and in the console.

Pure parts (no discord here): :mod:`~bot.quiz.items` (the items and their checks),
:mod:`~bot.quiz.picking` (which questions, fairly), :mod:`~bot.quiz.scoring` (points, streaks,
the leaderboard order), :mod:`~bot.quiz.rounds` (a channel round's answers and tallies),
:mod:`~bot.quiz.strings` (the words, EN/ES). Storage is :mod:`~bot.quiz.storage` (plain
functions of a connection); the Discord side is :mod:`~bot.quiz.cog` and :mod:`~bot.quiz.views`.
"""
